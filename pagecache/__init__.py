"""The page cache: one content version, one key builder, the cache backends and last good copies.

It knows nothing of the condition: callers give it their parts of a key
(`cache.versioned`), and it adds what makes a key never stale.
"""
