"""The exercise views: each is an :class:`~workbook.ui.exercise.Exercise` with one answer model.

Module pages import views from here, never from each other.
"""
