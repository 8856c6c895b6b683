"""ipywidgets builders: one module per notebook plus shared components (``common``)."""
