// The package ships no types; it exports one function.
declare module 'wink-porter2-stemmer' {
  function stem(word: string): string;
  export = stem;
}
