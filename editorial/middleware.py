from .two_factor import admin_prefix


class AdminReferrerPolicyMiddleware:
    """Referrer-Policy: same-origin for the admin, instead of the site-wide no-referrer.

    Under no-referrer, browsers send "Origin: null" with every form a page posts, and Django's
    CSRF check refuses it: nobody could sign in to the admin or save a page in a real browser.
    same-origin still tells other sites nothing. SecurityMiddleware keeps a header already set.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if request.path_info.startswith(admin_prefix()):
            response.headers["Referrer-Policy"] = "same-origin"
        return response
