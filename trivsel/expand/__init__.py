"""Page expansion: the pages generated into docs/ before the render (generated.py), the
<!-- kc:... --> markers (one registry, registry.py), the checks of every page in every
language (build.py), and the fixes and scripts added to a page's HTML. Reads the content
model; knows nothing of the outputs."""
