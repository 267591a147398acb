/**
 * The one part of jsdom (a dev dependency, shipped without types) the import command line and its
 * tests use: a DOMParser for KML, which Node lacks.
 */
declare module 'jsdom' {
  export class JSDOM {
    constructor(html?: string);
    readonly window: { readonly DOMParser: typeof DOMParser };
  }
}
