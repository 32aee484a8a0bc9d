"""thidua — thi đua, khen thưởng for Vietnamese trade unions."""

from thidua.celery import app as celery_app

__all__ = ("celery_app",)
