import pytest

from masthead.caching.store import RedisStore, get_store, reset_store

REDIS_TEST_URL = "redis://127.0.0.1:6379/15"


@pytest.fixture
def redis_store(settings):
    import redis

    try:
        redis.Redis.from_url(REDIS_TEST_URL).ping()
    except redis.ConnectionError:
        pytest.skip("Redis is not running on 127.0.0.1:6379")
    settings.PAGE_CACHE_ENABLED = True
    settings.REDIS_URL = REDIS_TEST_URL
    reset_store()
    store = get_store()
    assert isinstance(store, RedisStore)
    store.clear()
    yield store
    store.clear()
    reset_store()
