import frontline


def test_public_surface_is_pinned():
    assert sorted(frontline.__all__) == sorted([
        "Article", "ArticleResult", "Claim", "Document", "EvalError", "Event", "EventDate", "Evidence",
        "FetchError", "FusedEvent", "Timeline", "FrontlineError", "IngestReport", "InputError", "Location", "Party", "Pipeline", "Place", "Quantity",
        "RawArticle", "ResourceError", "StageError", "StoreError", "UnsupportedInputError", "extract", "extract_text",
        "stored_results", "write",
    ])
    for name in frontline.__all__:
        assert getattr(frontline, name) is not None
