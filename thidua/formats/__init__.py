"""Our additions to Django's locale formats (settings.FORMAT_MODULE_PATH); every name not set
here falls back to Django's own module for the language."""
