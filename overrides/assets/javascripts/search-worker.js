/* torchsheet's search: a web worker behind Material's search box (same messages as Material's
 * own lunr worker: SETUP, READY, QUERY, RESULT), so the box, keyboard navigation, ?q= links and
 * the highlight on the opened page stay Material's.
 *
 * The index (search/search_index.json) is written by torchsheet/search.py: one document per
 * section of every page, with its heading, prose, code and error lines, and a synonyms table.
 * Ranking: BM25 over weighted fields (heading, page title, code, prose, errors); identifiers are
 * indexed whole and split (torch.nn.functional.one_hot -> one_hot, one, hot; CrossEntropyLoss ->
 * crossentropyloss, cross, entropy, loss); a light stemmer; words not in the site's vocabulary
 * are matched to the nearest ones (edit distance: "unsquezze" -> unsqueeze), the last word also
 * by prefix (results while typing); the synonyms add the site's words for the reader's ones.
 * A page ranks by its best section, plus a little for a second one and for the words it covers.
 *
 * The same file runs under Node (module.exports) for the tests: tests/test_search.py.
 */
(function () {
  "use strict"

  // ---- words ------------------------------------------------------------------------------

  const STOP = new Set((
    "a an and are as at be been but by can could do does doing done for from get gets getting " +
    "go had has have how i if in into is it its just me my of on or our should so than that " +
    "the their them then there these this those to too use used uses using vs versus was way " +
    "we what when where which while who why will with would you your pytorch torch want need " +
    "between best correct correctly properly possible example examples anyone please " +
    "two three some any"
  ).split(" "))
  const WORD = /[A-Za-z_][A-Za-z0-9_]*(?:\.[A-Za-z_][A-Za-z0-9_]*)*|\d+(?:\.\d+)?/g

  /* A light English stemmer: both the index and the query go through it. */
  function stem(w) {
    if (w.length <= 3 || /\d/.test(w)) return w
    w = w.replace(/is(e|es|ed|ing|ation|ations|er|ers)$/, "iz$1")  // normalise -> normalize
    if (/ies$/.test(w) && w.length > 4) w = w.slice(0, -3) + "y"
    else if (/(ss|us|is)$/.test(w)) { /* keep */ }
    else if (/(x|ch|sh|ss|z)es$/.test(w)) w = w.slice(0, -2)
    else if (/[^s]s$/.test(w)) w = w.slice(0, -1)
    if (/ations?$/.test(w) && w.length > 7) w = w.replace(/ations?$/, "")
    else if (/ing$/.test(w) && w.length > 5) w = w.slice(0, -3)
    else if (/ed$/.test(w) && w.length > 4) w = w.slice(0, -2)
    if (/([bdgkmnprt])\1$/.test(w)) w = w.slice(0, -1)               // padd -> pad
    if (/e$/.test(w) && w.length > 4) w = w.slice(0, -1)              // shuffle -> shuffl
    return w
  }

  /* The terms of one word as written, with weights: whole identifiers weigh most. */
  function wordTerms(raw, out, weight) {
    const parts = raw.split(".")
    const whole = raw.toLowerCase().replace(/^_+|_+$/g, "")
    if (parts.length > 1) {
      if (whole) out.push([whole, weight])
      parts.forEach((part, i) => identTerms(part, out, weight * (i === parts.length - 1 ? 1 : 0.4)))
    } else {
      identTerms(raw, out, weight)
    }
  }

  function identTerms(part, out, weight) {
    const lower = part.toLowerCase().replace(/^_+|_+$/g, "")
    if (!lower) return
    const snake = lower.includes("_")
    const camel = /[a-z][A-Z]|[A-Z]{2}[a-z]/.test(part)
    if (!snake && !camel) {
      if (STOP.has(lower)) return
      const stemmed = stem(lower)
      out.push([stemmed, weight])
      // the word as written too: "zeros" matches torch.zeros before "zero-init" and "zero_grad"
      if (stemmed !== lower) out.push([lower, weight])
      const rest = /^(sub|multi)(\w{4,})$/.exec(lower)  // subclass -> class, multihead -> head
      if (rest) out.push([stem(rest[2]), weight * 0.5])
      return
    }
    out.push([lower, weight])
    const bits = part
      .replace(/([a-z0-9])([A-Z])/g, "$1 $2")
      .replace(/([A-Z]+)([A-Z][a-z])/g, "$1 $2")
      .toLowerCase()
      .split(/[\s_]+/)
    for (const bit of bits)
      if (bit && !STOP.has(bit) && bit !== lower) out.push([stem(bit), weight * 0.5])
  }

  const cache = new Map()  // a word as written -> its terms (the site has a few thousand)
  function termsOf(word) {
    let found = cache.get(word)
    if (!found) {
      found = []
      wordTerms(word, found, 1)
      cache.set(word, found)
    }
    return found
  }

  const COMPOUND = /\b[A-Za-z]+(?:-[A-Za-z]+)+\b/g  // Grad-CAM, pre-trained, one-hot

  function terms(text, weight = 1) {
    const out = []
    for (const m of String(text).matchAll(WORD))
      for (const [term, w] of termsOf(m[0])) out.push([term, w * weight])
    // a hyphenated word is also one word: "gradcam" finds Grad-CAM, "pretrained" pre-trained
    for (const m of String(text).matchAll(COMPOUND))
      out.push([stem(m[0].replace(/-/g, "").toLowerCase()), weight * 0.5])
    return out
  }

  // ---- edit distance, for misspelled names ----------------------------------------------------

  function distance(a, b, limit) {  // Damerau-Levenshtein (optimal string alignment), capped
    if (Math.abs(a.length - b.length) > limit) return limit + 1
    let prev2 = null
    let prev = Array.from({ length: b.length + 1 }, (_, j) => j)
    for (let i = 1; i <= a.length; i++) {
      const row = [i]
      let best = i
      for (let j = 1; j <= b.length; j++) {
        const cost = a[i - 1] === b[j - 1] ? 0 : 1
        let v = Math.min(prev[j] + 1, row[j - 1] + 1, prev[j - 1] + cost)
        if (prev2 && i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1])
          v = Math.min(v, prev2[j - 2] + 1)
        row.push(v)
        if (v < best) best = v
      }
      if (best > limit) return limit + 1
      prev2 = prev
      prev = row
    }
    return prev[b.length]
  }

  // ---- the engine ---------------------------------------------------------------------------

  // A term's value in a section: BM25 over the body (prose, code, error lines: weighted term
  // counts, saturated), plus a fixed credit when the term is in the section's heading or in the
  // page's title. BM25F would saturate a heading match like any other; here a word of the
  // heading counts for more than many words of the text.
  const BODY = { t: [1.0, 0.5], c: [1.2, 0.5], e: [2.0, 0.3] }  // weight, BM25's b
  const TITLES = { h: [1.2, 0.5], P: [0.6, 0.3] }                 // credit, length normalisation
  const K1 = 1.2
  const HEADING_BONUS = 0.5
  const PASTED_WORDS = 5, ERROR_SHARE = 0.6, ERROR_BONUS = 1.0  // see errorMatch
  const PART_WHEN_WHOLE = 0.45  // a part of an identifier the index holds whole (see parse)

  class Engine {
    constructor(index) {
      const meta = index.config.torchsheet
      this.pages = meta.pages.map(([url, title, section, navTitle, boost]) =>
        ({ url, title, section, navTitle, boost }))
      this.docs = index.docs
      this.postings = new Map()  // term -> [[doc, weighted tf], ...]
      this.headings = []  // per document, the terms of its heading (the page's title for a page)
      const FIELDS = [...Object.keys(BODY), ...Object.keys(TITLES)]
      const lengths = Object.fromEntries(FIELDS.map(f => [f, []]))
      const perDoc = this.docs.map((doc, d) => {
        const page = this.pages[doc.p]
        const fields = {
          h: doc.a ? doc.h : page.title,
          P: doc.a ? `${page.title} ${page.navTitle} ${page.section}` : `${page.navTitle} ${page.section}`,
          t: doc.t || "", c: doc.c || "", e: doc.e || "",
        }
        const counts = {}
        this.headings[d] = new Set(terms(fields.h).map(([t]) => t))
        for (const [f, text] of Object.entries(fields)) {
          const ts = terms(text)
          lengths[f][d] = ts.length
          counts[f] = new Map()
          for (const [term, w] of ts) counts[f].set(term, (counts[f].get(term) || 0) + w)
        }
        return counts
      })
      const avg = {}
      for (const f of FIELDS)
        avg[f] = Math.max(1, lengths[f].reduce((a, b) => a + b, 0) / this.docs.length)
      perDoc.forEach((counts, d) => {
        const body = new Map(), titles = new Map()
        for (const [f, [weight, b]] of Object.entries(BODY)) {
          const norm = 1 - b + b * (lengths[f][d] / avg[f])
          for (const [term, n] of counts[f]) body.set(term, (body.get(term) || 0) + weight * n / norm)
        }
        for (const [f, [credit, b]] of Object.entries(TITLES)) {
          const norm = 1 - b + b * (lengths[f][d] / avg[f])
          for (const [term, n] of counts[f])
            titles.set(term, (titles.get(term) || 0) + credit * Math.min(1, n) / norm)
        }
        for (const term of new Set([...body.keys(), ...titles.keys()])) {
          const tf = body.get(term) || 0
          const value = tf * (K1 + 1) / (tf + K1) + Math.min(2, titles.get(term) || 0)
          let list = this.postings.get(term)
          if (!list) this.postings.set(term, list = [])
          list.push([d, value])
        }
      })
      this.vocabulary = [...this.postings.keys()].sort()
      // words as the site writes them (headings, API names), to complete the word being typed
      const seen = new Map()
      for (const doc of this.docs)
        for (const text of [doc.h || "", doc.c || ""])
          for (const m of text.matchAll(WORD))
            for (const part of m[0].split(".")) {
              const w = part.toLowerCase()
              if (w.length > 3 && !/^\d/.test(w)) seen.set(w, (seen.get(w) || 0) + 1)
            }
      this.words = [...seen.keys()].sort()
      this.wordCounts = seen
      this.synonyms = (meta.synonyms || []).map(group => group.map(phrase =>
        phrase.toLowerCase().split(/[^a-z0-9_.]+/).filter(Boolean)))
    }

    idf(term) {
      const df = (this.postings.get(term) || []).length
      return df ? Math.log(1 + (this.docs.length - df + 0.5) / (df + 0.5)) : 0
    }

    /* Vocabulary terms near a word the site does not use. */
    nearest(term) {
      if (!this.near) this.near = new Map()
      if (!this.near.has(term)) this.near.set(term, this.findNearest(term))
      return this.near.get(term)
    }

    findNearest(term) {
      if (term.length < 4 || /^\d/.test(term)) return []
      const limit = term.length >= 8 ? 2 : 1
      const found = []
      for (const v of this.vocabulary) {
        if (Math.abs(v.length - term.length) > limit) continue
        if (v[0] !== term[0] && v[1] !== term[1]) continue  // typos seldom hit both first letters
        const dist = distance(term, v, limit)
        if (dist <= limit) found.push([v, dist])
      }
      found.sort((a, b) => a[1] - b[1] || this.postings.get(b[0]).length - this.postings.get(a[0]).length)
      return found.slice(0, 3).map(([v, dist]) => [v, dist === 1 ? 0.8 : 0.6])
    }

    completions(prefix) {
      if (prefix.length < 3) return []
      let lo = 0, hi = this.vocabulary.length
      while (lo < hi) {
        const mid = (lo + hi) >> 1
        if (this.vocabulary[mid] < prefix) lo = mid + 1; else hi = mid
      }
      const found = []
      for (let i = lo; i < this.vocabulary.length && this.vocabulary[i].startsWith(prefix); i++)
        if (this.vocabulary[i] !== prefix) found.push(this.vocabulary[i])
      found.sort((a, b) => this.postings.get(b).length - this.postings.get(a).length)
      return found.slice(0, 8)
    }

    /* The query as concepts: each word typed, with the terms that may stand for it. */
    parse(query) {
      const words = []
      for (const m of query.matchAll(WORD)) words.push(m[0])
      const lowerWords = words.map(w => w.toLowerCase())
      const typing = !/\s$/.test(query)
      const concepts = []
      words.forEach((word, i) => {
        const lower = lowerWords[i]
        if (STOP.has(lower) || (/^\d+$/.test(lower) && words.length > 1)) return
        const out = []
        wordTerms(word, out, 1)
        if (!out.length) return
        const concept = { label: lower, terms: new Map() }
        const add = (term, w) => {
          if (w > (concept.terms.get(term) || 0)) concept.terms.set(term, w)
        }
        const asTyped = lower.replace(/^_+|_+$/g, "")
        // an identifier the site uses whole (CosineEmbeddingLoss, one_hot): its parts (cosine,
        // embedding, loss) only break ties, else a page full of "embedding" outranks the one
        // that uses the name asked for
        const whole = out.some(([term, w0]) => w0 >= 1 && this.postings.has(term)) &&
          out.some(([, w0]) => w0 < 1)
        for (const [term, w1] of out) {
          const w0 = whole && w1 < 1 ? w1 * PART_WHEN_WHOLE : w1
          // the stem stands for every form of the word: a little less than the form typed
          const w = term !== asTyped && term === stem(asTyped) ? w0 * 0.8 : w0
          if (this.postings.has(term)) add(term, w)
          else for (const [near, nw] of this.nearest(term)) add(near, w * nw)
          if (typing && i === words.length - 1 && !this.postings.has(term))
            for (const c of this.completions(term)) add(c, w * 0.7)
        }
        concept.index = i
        concepts.push(concept)
      })
      // synonyms: a phrase of the query adds the site's word of its group, and its other
      // one-word names (a many-word name only serves to recognise the phrase)
      const stems = lowerWords.map(w => stem(w))
      const joined = ` ${stems.join(" ")} `
      for (const group of this.synonyms) {
        const stemmed = group.map(phrase => phrase.map(stem))
        stemmed.forEach((phrase, h) => {
          if (!joined.includes(` ${phrase.join(" ")} `)) return
          // the words of the phrase each take the group's other names
          for (const word of phrase) {
            const concept = concepts.find(c => stems[c.index] === word)
            if (!concept) continue
            group.forEach((other, n) => {
              if (n === h || (n > 0 && other.length > 1)) return
              const weight = other.length > 1 ? 0.4 : 0.5  // the site's word, maybe a phrase
              for (const w of other) for (const [term, tw] of terms(w)) {
                if (this.postings.has(term) && !(concept.terms.get(term) >= weight * tw))
                  concept.terms.set(term, weight * tw)
              }
            })
          }
        })
      }
      return concepts.filter(c => c.terms.size)
    }

    search(query, limit = 20) {
      const concepts = this.parse(query)
      if (!concepts.length) return { concepts, pages: [] }
      // a concept weighs what its rarest strong term weighs: missing "compute" costs little
      for (const c of concepts) {
        c.weight = 0
        for (const [term, w] of c.terms) if (w >= 0.5) c.weight = Math.max(c.weight, this.idf(term))
        if (!c.weight) c.weight = 0.5
      }
      const totalWeight = concepts.reduce((a, c) => a + c.weight, 0)
      const coverageOf = matched => {
        let w = 0
        for (const ci of matched) w += concepts[ci].weight
        return w / totalWeight
      }
      const scores = new Map()   // doc -> [score, matched concepts]
      concepts.forEach((concept, ci) => {
        const best = new Map()
        for (const [term, w] of concept.terms) {
          const idf = this.idf(term)
          for (const [d, tf] of this.postings.get(term) || []) {
            const s = w * idf * tf
            if (s > (best.get(d) || 0)) best.set(d, s)
          }
        }
        for (const [d, s] of best) {
          let entry = scores.get(d)
          if (!entry) scores.set(d, entry = [0, new Set()])
          entry[0] += s
          entry[1].add(ci)
        }
      })
      const byPage = new Map()
      for (const [d, [score, matched]] of scores) {
        const doc = this.docs[d]
        const coverage = coverageOf(matched)
        // a heading that says most of what was asked is the answer's heading
        const heading = this.headings[d]
        const inHeading = new Set()
        concepts.forEach((c, ci) => {
          for (const [t, w] of c.terms) if (w >= 0.5 && heading.has(t)) { inHeading.add(ci); break }
        })
        const said = coverageOf(inHeading)
        const pasted = concepts.length >= PASTED_WORDS ? this.errorMatch(d, concepts) : 0
        const value = score * (0.5 + 0.5 * coverage * coverage) * (1 + HEADING_BONUS * said * said) *
          (1 + ERROR_BONUS * pasted * pasted)
        let page = byPage.get(doc.p)
        if (!page) byPage.set(doc.p, page = { page: doc.p, sections: [], matched: new Set() })
        page.sections.push({ doc: d, score: value, matched })
        for (const c of matched) page.matched.add(c)
      }
      const pages = [...byPage.values()]
      for (const page of pages) {
        page.sections.sort((a, b) => b.score - a.score)
        const [first, second] = page.sections
        const coverage = coverageOf(page.matched)
        page.score = (first.score + 0.25 * (second ? second.score : 0)) *
          (0.8 + 0.2 * coverage) * this.pages[page.page].boost
      }
      pages.sort((a, b) => b.score - a.score)
      return { concepts, pages: pages.slice(0, limit) }
    }

    // ---- what a result shows ----------------------------------------------------------------

    wanted(concepts) {
      const wanted = new Set()
      for (const c of concepts) for (const [t, w] of c.terms) if (w >= 0.3) wanted.add(t)
      return wanted
    }

    /* A pasted message: the share of the query's words (by weight) that one error line of the
       section holds, 0 when under ERROR_SHARE. A long query that mostly matches one printed
       error is that error, wherever else its common words (size, input, torch) appear. */
    errorMatch(d, concepts) {
      const doc = this.docs[d]
      if (!doc.e) return 0
      if (!doc.errorLines)
        doc.errorLines = doc.e.split("\n").map(l => new Set(terms(l).map(([t]) => t)))
      const total = concepts.reduce((a, c) => a + c.weight, 0)
      let best = 0
      for (const line of doc.errorLines) {
        let w = 0
        for (const c of concepts)
          for (const [t, tw] of c.terms) if (tw >= 0.5 && line.has(t)) { w += c.weight; break }
        best = Math.max(best, w / total)
      }
      return best >= ERROR_SHARE ? best : 0
    }

    /* A section's sentences and code lines, each with its terms (worked out once). */
    pieces(d) {
      const doc = this.docs[d]
      if (!doc.pieces) {
        const sentences = (doc.t || "").replace(/\n/g, " ").split(/(?<=[.:!?])\s+/).filter(Boolean)
        const lines = [...(doc.e || "").split("\n"), ...(doc.c || "").split("\n")]
          .map(l => l.trim()).filter(l => l && !/^(#|import |from \S+ import )/.test(l))
        const withTerms = list => list.map(text => [text, new Set(terms(text).map(([t]) => t))])
        doc.pieces = { sentences: withTerms(sentences), lines: withTerms(lines) }
      }
      return doc.pieces
    }

    /* The sentence and the code line of a section that hold most of the query's words. */
    excerpt(d, wanted) {
      const { sentences, lines } = this.pieces(d)
      const count = set => { let n = 0; for (const t of wanted) if (set.has(t)) n++; return n }
      const best = (list, fallback) => {
        let found = fallback, most = 0
        for (const [text, set] of list) {
          const n = count(set)
          if (n > most) { found = text; most = n }
        }
        return found
      }
      const text = best(sentences, sentences.length ? sentences[0][0] : "")
      const code = best(lines, (lines.find(([l]) => /[.(]/.test(l)) || [""])[0])
      return { text: clip(text, 180), code: clip(code, 100) }
    }

    /* Material's search suggestion: the most used site word that completes the last word. */
    suggest(query) {
      const last = query.split(/[\s-]+/).pop()
      if (!last || last.length < 2 || /\s$/.test(query)) return []
      let lo = 0, hi = this.words.length
      while (lo < hi) {
        const mid = (lo + hi) >> 1
        if (this.words[mid] < last) lo = mid + 1; else hi = mid
      }
      let best = null
      for (let i = lo; i < this.words.length && this.words[i].startsWith(last); i++)
        if (this.words[i] !== last && (!best || this.wordCounts.get(this.words[i]) > this.wordCounts.get(best)))
          best = this.words[i]
      return best ? [best] : []
    }

    /* Material's result: per page, the page (h1) then its sections (h2), best first. */
    material(query) {
      const { concepts, pages } = this.search(query)
      const wanted = this.wanted(concepts)
      const mark = highlighter(wanted)
      const labels = {}
      const items = pages.slice(0, 12).map(page => {
        const info = this.pages[page.page]
        const covered = new Set()
        for (const s of page.sections) for (const c of s.matched) covered.add(c)
        const termsOf = matched => {
          const t = {}
          concepts.forEach((c, i) => { t[c.label] = matched.has(i) })
          return t
        }
        const top = page.sections[0].score
        const article = {
          location: info.url,
          title: escapeHTML(info.title),
          text: "",
          score: top * 0.999,
          terms: termsOf(covered),
        }
        const sections = page.sections.slice(0, 3).map((s, i) => {
          const doc = this.docs[s.doc]
          const { text, code } = this.excerpt(s.doc, wanted)
          const body = (text ? `<p>${mark(text)}</p>` : "") +
            (code ? `<p class="ts-search-code"><code>${mark(code)}</code></p>` : "")
          return {
            location: doc.a ? `${info.url}#${doc.a}` : info.url,
            title: mark(doc.a ? doc.h : info.title),
            text: body,
            score: i === 0 || s.score >= top * 0.8 ? top : s.score,
            terms: termsOf(s.matched),
            page: !doc.a,
          }
        })
        // the page's own document (title and first paragraph) is the article itself
        const own = sections.findIndex(s => s.page)
        if (own >= 0) {
          const [self] = sections.splice(own, 1)
          article.text = self.text
          if (!sections.length) article.score = top
        }
        for (const c of concepts) labels[c.label] = labels[c.label] || covered.size > 0
        return [article, ...sections.map(({ page: _, ...s }) => s)]
      })
      return this.options && this.options.suggest ? { items, suggest: this.suggest(query) } : { items }
    }
  }

  function clip(text, n) {
    return text.length > n ? text.slice(0, n - 1).replace(/\s+\S*$/, "") + " …" : text
  }

  function escapeHTML(text) {
    return String(text).replace(/[&<>"']/g, c =>
      ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c])
  }

  /* Escape a text and <mark> the words of it that the query matched. */
  function highlighter(wanted) {
    return text => String(text).replace(/[A-Za-z_][A-Za-z0-9_]*|[^A-Za-z_]+/g, piece => {
      if (!/^[A-Za-z_]/.test(piece)) return escapeHTML(piece)
      return termsOf(piece).some(([t]) => wanted.has(t))
        ? `<mark>${escapeHTML(piece)}</mark>` : escapeHTML(piece)
    })
  }

  // ---- Material's worker protocol -------------------------------------------------------------

  const SETUP = 0, READY = 1, QUERY = 2, RESULT = 3
  let engine = null

  function onMessage(event) {
    const message = event.data
    if (message.type === SETUP) {
      // Material's own index (the search hook did not run): no results rather than an error
      engine = message.data.config && message.data.config.torchsheet ? new Engine(message.data) : null
      if (engine) engine.options = message.data.options || {}
      postMessage({ type: READY })
    } else if (message.type === QUERY) {
      const query = message.data || ""
      postMessage({ type: RESULT, data: engine && query.trim() ? engine.material(query) : { items: [] } })
    }
  }

  if (typeof module !== "undefined" && module.exports) {
    module.exports = { Engine, terms, stem, distance }
  } else if (typeof self !== "undefined" && typeof postMessage === "function") {
    self.addEventListener("message", onMessage)
  }
})()
