import 'solid-js';

declare module 'solid-js' {
  namespace JSX {
    /** DOM properties set with `prop:` that Solid's types do not list. */
    interface ExplicitProperties {
      indeterminate: boolean;
    }
  }
}
