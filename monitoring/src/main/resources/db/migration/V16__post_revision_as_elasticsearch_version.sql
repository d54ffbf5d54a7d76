-- Revisions are now the external versions Elasticsearch stores posts' documents under: it keeps a post's document of
-- the highest revision, so writes that arrive out of order never leave an older one. Documents stored before carry
-- Elasticsearch's own version numbers (1 and up, one per write); revisions start far above them, so the first versioned
-- write of such a post always replaces it.
alter sequence post_index_queue_revision restart with 1000000000;
