"""The one error type the pipeline raises for bad input; the CLI turns it into exit code 2."""


class DataError(Exception):
    """Problem with the input data or arguments, worded for the person running the build."""
