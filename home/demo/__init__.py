"""Demo content for a local or review site, loaded by `manage.py load_demo_content`.

The content modules hold plain data (texts, numbers, references by natural key); `loader`
turns it into snippets, images, documents and published pages.
"""
