from django.contrib.syndication.views import Feed
from django.utils.feedgenerator import Atom1Feed

from home.localization import listing_locale

FEED_LENGTH = 20


class NewsFeed(Feed):
    """An Atom feed of the latest news in the index page's language.

    Its links are the pages' full URLs, from the site's origin (home/site_origin.py), not from
    the request's Host header as Django's feeds would make them.
    """

    feed_type = Atom1Feed

    def __init__(self, index_page):
        super().__init__()
        self.index_page = index_page

    def __call__(self, request, *args, **kwargs):
        self.request = request
        return super().__call__(request, *args, **kwargs)

    def title(self):
        return self.index_page.title

    def link(self):
        return self.index_page.get_full_url(self.request)

    def feed_url(self):
        _site_id, root_url, _path = self.index_page.get_url_parts(self.request)
        return root_url + self.request.path  # /pl/news/feed/ too, where it serves the English index

    def subtitle(self):
        return self.index_page.summary

    def items(self):
        return self.index_page.get_items(listing_locale(self.index_page, self.request))[:FEED_LENGTH]

    def item_title(self, item):
        return item.title

    def item_description(self, item):
        return item.summary

    def item_link(self, item):
        return item.get_full_url(self.request)

    def item_pubdate(self, item):
        return item.first_published_at

    def item_updateddate(self, item):
        return item.last_published_at
