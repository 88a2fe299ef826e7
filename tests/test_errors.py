import inspect

from frontline import errors


def test_every_error_is_a_frontline_error_and_listed():
    classes = {name for name, obj in inspect.getmembers(errors, inspect.isclass)
               if issubclass(obj, Exception) and obj.__module__ == errors.__name__}
    assert classes == set(errors.__all__)
    assert all(issubclass(getattr(errors, name), errors.FrontlineError) for name in classes)
    for name in classes:      # the tree in the module docstring names every class
        assert name in errors.__doc__


def test_stage_error_names_stage_and_article():
    err = errors.StageError("places", "003.txt", ValueError("bad"))
    assert (err.stage, err.article) == ("places", "003.txt")
    assert str(err) == "stage 'places' failed on article 003.txt: bad"
