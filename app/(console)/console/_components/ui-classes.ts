/** For a Table inside a Card with px-0 content: lines the first and last columns up with the card's padding. */
export const inCardTable = "[&_tr>*:first-child]:pl-5 [&_tr>*:last-child]:pr-5";
