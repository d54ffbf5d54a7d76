/**
 * 信息源: the feeds monitoring polls, with their status and last error, their registration and editing, and the file
 * import (导入, JSONL or CSV) with its progress and per-line error report.
 */
package org.yuqing.ui.sources;
