/**
 * The paper report renders through the verify report's document model (src/report/document.ts): one set of
 * block kinds, one Markdown and one HTML renderer, one stylesheet.
 */
export { type Block, renderBlocksHtml as renderHtml, renderBlocksMarkdown as renderMarkdown } from '../report/document.js';
