/**
 * The accountability record (问责记录): an append-only, hash-chained ledger of everything casework does that
 * someone may later be held to account for, protected by the database and verifiable end to end.
 */
package org.yuqing.casework.ledger;
