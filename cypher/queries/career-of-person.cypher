// The career of a person: each post held (title, organization, rank), first and last seen, how it began against the post held before it, when it was taken away, and the articles that show it. src/graph/careers.ts gives the rule and the same answer on the embedded store.
// params: name
MATCH (p:Person {name: $name})-[h:HOLDS]->(o:Organization)
WITH p, o, h ORDER BY h.date, h.article
WITH p, o, h.title AS title, collect(h) AS hs
WITH p, {title: title, organization: o.name, organization_id: o.id, rank: hs[0].rank,
         from: head([x IN hs WHERE x.date IS NOT NULL | x.date]), to: last([x IN hs WHERE x.date IS NOT NULL | x.date]),
         articles: reduce(seen = [], x IN hs | CASE WHEN x.article IN seen THEN seen ELSE seen + x.article END),
         evidence: hs[0].sentence, acts: [x IN hs WHERE x.act IS NOT NULL | x.act],
         removed: head([x IN hs WHERE x.act = 'removed' | x.date])} AS post
ORDER BY p.id, post.from, post.articles[0], size(head(split(post.evidence, post.title))), post.title, post.organization
WITH p, collect(post) AS posts,
     {副科级: 1, 正科级: 2, 副处级: 3, 正处级: 4, 副厅级: 5, 正厅级: 6, 副部级: 7, 正部级: 8, 副国级: 9, 正国级: 10} AS orders
UNWIND range(0, size(posts) - 1) AS i
WITH p, posts[i] AS post, orders, posts[..i] AS before,
     CASE WHEN posts[i].from IS NULL THEN [] ELSE [q IN posts[..i] WHERE q.to IS NOT NULL] END AS earlier
WITH p, post, orders,
     reduce(best = null, q IN earlier |
       CASE WHEN best IS NULL OR q.to > best.to
                 OR (q.to = best.to AND coalesce(orders[q.rank], 0) >= coalesce(orders[best.rank], 0))
            THEN q ELSE best END) AS previous,
     CASE WHEN 'elected' IN post.acts THEN 'elected' WHEN 'appointed' IN post.acts THEN 'appointed' END AS said,
     any(q IN before WHERE q.organization_id = post.organization_id AND q.title IN ['代' + post.title, '代理' + post.title]) AS acting
RETURN p.name AS person, post.title AS title, post.organization AS organization, post.rank AS rank,
       post.from AS from, post.to AS to,
       CASE
         WHEN previous IS NULL THEN said
         WHEN acting THEN null
         WHEN 'concurrent' IN post.acts THEN 'concurrent'
         WHEN said IS NOT NULL THEN said
         WHEN previous.to >= post.from THEN 'concurrent'
         WHEN post.rank IS NOT NULL AND previous.rank IS NOT NULL THEN
           CASE WHEN orders[post.rank] > orders[previous.rank] THEN 'promoted'
                WHEN orders[post.rank] = orders[previous.rank] THEN 'transferred'
                ELSE 'concurrent' END
         ELSE 'appointed'
       END AS began,
       previous.title AS previous_title, previous.organization AS previous_organization,
       post.removed AS removed, post.articles AS articles, post.evidence AS evidence,
       p.id AS person_id, post.organization_id AS organization_id
ORDER BY person_id, from, articles[0], size(head(split(evidence, title))), title, organization
