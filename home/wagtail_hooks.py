from wagtail import hooks

from .page_cache import is_public_request


# wagtail-cache's decisions, narrowed to the rules of home/page_cache.py.
@hooks.register("is_request_cacheable")
def cache_only_public_requests(request, is_cacheable):
    return is_cacheable and is_public_request(request)


@hooks.register("is_response_cacheable")
def cache_only_public_pages(response, is_cacheable):
    # Only what PageCacheHeadersMiddleware marked public: never a 304, 404 or redirect.
    return is_cacheable and response.status_code == 200 and "public" in response.get("Cache-Control", "")
