/**
 * Classification (分类): scores an incident's text against an editable, weighted lexicon per category
 * and answers the category with its confidence and the words that decided it.
 */
package org.yuqing.grading.classification;
