"""Bilingual static site engine: load, validate, derive, render, write."""
