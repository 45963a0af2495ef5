/**
 * Recognises forum threads by their markup (vBulletin, phpBB, XenForo, Discourse and a generic
 * fallback) and splits them into posts with author, time, number, id and permalink, with the
 * user chrome (join date, post counts, signatures, quote buttons) taken out of each post.
 */
package io.scomon.ingest.extract.forum;
