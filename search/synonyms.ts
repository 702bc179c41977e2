/**
 * The vocabulary compiled into the shape engines need: each synonym-group member as the same
 * word sequence the tokenizer produces for documents, and a lookup from word sequences to groups.
 */
import { tokenize } from "./tokenizer.ts";
import { SYNONYM_GROUPS } from "./vocabulary.ts";

export type SynonymGroup = {
  id: number;
  /** Members as written in the vocabulary. */
  members: readonly string[];
  /** Members as tokenizer words, e.g. "ผ้าไหม" → ["ผ้า","ไหม"]. */
  memberTerms: readonly (readonly string[])[];
};

export type SynonymTable = {
  groups: readonly SynonymGroup[];
  /** Joined word sequence → ids of the groups it belongs to. */
  byKey: ReadonlyMap<string, readonly number[]>;
  /** Longest member, in words: how far phrase matching needs to look ahead. */
  maxWords: number;
};

const KEY_SEPARATOR = "\u0001";

export function sequenceKey(terms: readonly string[]): string {
  return terms.join(KEY_SEPARATOR);
}

export function compileSynonyms(source: readonly (readonly string[])[] = SYNONYM_GROUPS): SynonymTable {
  const byKey = new Map<string, number[]>();
  let maxWords = 1;
  const groups = source.map((members, id) => {
    const memberTerms = members.map((member) => tokenize(member)).filter((terms) => terms.length > 0);
    for (const terms of memberTerms) {
      const key = sequenceKey(terms);
      const ids = byKey.get(key) ?? [];
      if (!ids.includes(id)) ids.push(id);
      byKey.set(key, ids);
      maxWords = Math.max(maxWords, terms.length);
    }
    return { id, members, memberTerms };
  });
  return { groups, byKey, maxWords };
}

export const synonymTable: SynonymTable = compileSynonyms();
