# Overrides PyInstaller's hook for PIL.Image, which lists Pillow's image plugins as hidden imports: the bundle's
# PIL is the stand-in in packaging/stand_ins (no plugins), so the real hook would only warn about each of them.
hiddenimports: list[str] = []
