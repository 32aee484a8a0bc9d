"""Views of the awards app: documents."""

urlpatterns: list = []
