"""The family's own address, for rate limits and admin lockouts.

Behind a proxy every request comes from the proxy's address, so counting that
lets one attacker block every family. Each trusted proxy appends the address it
was reached from to X-Forwarded-For, so the client is PROXY_HOPS entries from
the right; anything further left was written by the client and may be forged.
django-ratelimit (RATELIMIT_IP_META_KEY) and django-axes (AXES_CLIENT_IP_CALLABLE)
both call client_ip.
"""

import ipaddress

from django.conf import settings


def client_ip(request):
    remote = request.META.get("REMOTE_ADDR", "")
    if not settings.BEHIND_PROXY:
        return remote
    forwarded = [part.strip() for part in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")]
    forwarded = [part for part in forwarded if part]
    hops = settings.PROXY_HOPS
    if len(forwarded) < hops:
        return remote  # not written by all our proxies: only the connection's address is known
    candidate = forwarded[-hops]
    try:
        return str(ipaddress.ip_address(candidate))
    except ValueError:
        return remote
