"""Views of the awards app: intake."""

urlpatterns: list = []
