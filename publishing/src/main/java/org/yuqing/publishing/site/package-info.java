/**
 * The built-in public statements website (no login): HTML pages and an Atom feed of released
 * statements, and the channel adapter that releases statements to it.
 */
package org.yuqing.publishing.site;
