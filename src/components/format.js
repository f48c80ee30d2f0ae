// Formats shared by the pages' browser code. Numbers and words for statuses, votes and judgements come with the
// rows (views and the ccm_status_labels / vote_labels tables), not from here.

/** A source reference: a link when it is a URL, plain text otherwise (a table or paragraph of the report). */
export function sourceLink(ref, label) {
  if (ref == null || ref === "") return document.createTextNode("—");
  if (/^https?:\/\//.test(ref)) {
    const a = document.createElement("a");
    a.href = ref;
    a.textContent = label ?? ref.replace(/^https?:\/\//, "");
    return a;
  }
  return document.createTextNode(String(ref));
}
