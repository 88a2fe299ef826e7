"""Events of one article: built from triggers and mentions, given claims, fused within the article, scored."""
