"""Build-time tooling for the NER model (data preparation); see README.md."""
