"""Topic discovery: embeddings (cached by text hash), clustering and stable topic ids.

Entry points (imported from their modules, so importing the package stays cheap):
  stage.run_topics(store, codebook, model_dir, *, refit=False, embedder=None) -> TopicSummary
  views.topics_by_question / topics_by_respondent_type / topic_hierarchy / emerging_themes / topic_table
  evaluate.evaluate_topics(rows, *, seed=0) -> dict, evaluate.format_topic_scores(d) -> str
  embed.MiniLM (default embedder), tfidf.TfidfSvdEmbedder (fast path for very large runs)
"""
