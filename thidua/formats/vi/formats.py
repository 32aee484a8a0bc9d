# Django's Vietnamese formats set the separators (thousands ".", decimals ",") but no grouping,
# so `intcomma` printed 3916 members where Vietnamese writes 3.916 (QA walk, session 6).
NUMBER_GROUPING = 3
