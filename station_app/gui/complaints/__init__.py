"""The complaint screens that grew into folders: the detail window (``detail/``)."""
