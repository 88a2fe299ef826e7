from frontline.nlp.syntax import subject, token_at, tree_distance


def test_tree_helpers(pipeline):
    doc = pipeline.resources.nlp("Russian troops entered the town of Hirske and surrounded the garrison.")
    entered, hirske, surrounded = doc[2], doc[6], doc[8]
    assert tree_distance(entered, hirske) == 3
    assert subject(surrounded).text == "troops"            # inherited through the conjunction
    assert token_at(doc, doc.text.index("Hirske") + 2).i == hirske.i
