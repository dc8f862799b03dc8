"""Every dialog of the app, each on the one modal base (:mod:`.base`)."""
