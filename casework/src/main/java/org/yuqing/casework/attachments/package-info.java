/**
 * Files attached to a case (附件): kept in PostgreSQL with the SHA-256 of their bytes, which also goes to the
 * accountability ledger; a download sends the checksum along and refuses bytes that no longer match it.
 */
package org.yuqing.casework.attachments;
