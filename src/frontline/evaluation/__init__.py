"""Evaluation: predicted events against gold, UCDP headlines and captions; outside the extraction path."""
