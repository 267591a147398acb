import { For, type JSX } from 'solid-js';
import { formatFinding, type Finding } from '../data/findings';

/**
 * Findings of the validator, one line each (`FILE: ID: problem [rule]`), as the data-problems
 * panel and the import dialog's check both show them.
 */
export default function FindingList(props: {
  findings: readonly Finding[];
  id?: string;
  class?: string;
  hidden?: boolean;
}): JSX.Element {
  return (
    <ul
      role="list"
      class={props.class ? `findings ${props.class}` : 'findings'}
      id={props.id}
      hidden={props.hidden}
    >
      <For each={props.findings}>
        {(finding) => (
          <li>
            <code>{formatFinding(finding)}</code>
          </li>
        )}
      </For>
    </ul>
  );
}
