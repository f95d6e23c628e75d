"""Extraction: how an article becomes event records, its stages in the order an article meets them.

    nlp          the spaCy parse (sentences, dependencies, entities); textmap maps spans back
    structure    the headline, datelines and quotations
    (places)     every place mention resolved on the gazetteer (``sitrep.places``)
    dates        date expressions against the publication date
    events       per sentence: a trigger with its sub-event type, or why it is no event
    classifier   the trained type model (and an event in the lead the triggers missed)
    eventplaces  a sentence's possible event places, near or in, and geo_precision
    frames       every place of the article with what the text says around it; the frame model
    actors       actor mentions in a clause; actornames: ACLED's names on the event's date
    dyads        actor 1 and actor 2 of a record
    casualties   fatality claims, with their sources
    keep         the keep model: which proposed events a coder records
    reports      the document model: whether the article reports a new event at all
    pipeline     the Extractor, which runs the stages and assembles the records
    components   the stages as spaCy components (``nlp.add_pipe("sitrep_events")``)
    model_files  which trained model file each setting names
"""
