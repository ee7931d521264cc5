"""Sign-off widgets: the agreement inbox's model and views, and the identity panel."""
