import logging

BEACON_PATH = "/readership/beacon/"


class WithoutBeaconSenders(logging.Filter):
    """Keeps the beacon's senders out of Django's request log (``django.request``, LOGGING in settings).

    Django logs every 4xx with the request attached, which handlers such as the admin email
    may print with its address and headers: a refused beacon is not logged at all (a script
    sending many would fill the log anyway), and an error is logged without the request.
    """

    def filter(self, record):
        request = getattr(record, "request", None)
        if request is None or not request.path_info.startswith(BEACON_PATH):
            return True
        if getattr(record, "status_code", 500) < 500:
            return False
        record.request = None
        return True
