"""Package list for setuptools (everything else is in pyproject.toml).

``resources/`` sits at the top level of the repository and is installed as the package
``swreflect._resources`` (see ``[tool.setuptools.package-dir]``). ``packages.find`` in
pyproject.toml cannot list a package that lives under another name, so the list is built here.
"""

from setuptools import find_packages, setup

setup(
    packages=[
        *find_packages(include=["swreflect", "swreflect.*"]),
        "swreflect._resources",
    ]
)
