CREATE TEMPORARY SYSTEM FUNCTION IF NOT EXISTS rapport_comment_language AS 'dev.rapport.metrics.feedback.function.CommentLanguageFunction' LANGUAGE JAVA;
CREATE TEMPORARY SYSTEM FUNCTION IF NOT EXISTS rapport_comment_sentiment AS 'dev.rapport.metrics.feedback.function.CommentSentimentFunction' LANGUAGE JAVA;
CREATE TEMPORARY SYSTEM FUNCTION IF NOT EXISTS rapport_comment_terms AS 'dev.rapport.metrics.feedback.function.CommentTermsFunction' LANGUAGE JAVA;
CREATE TEMPORARY SYSTEM FUNCTION IF NOT EXISTS rapport_nps_difference AS 'dev.rapport.metrics.drivers.function.NpsDifferenceFunction' LANGUAGE JAVA
