import type { ConfidenceLevel } from "./likelihood";

/**
 * Sentences of the kind a desk writes (UN votes, sanctions, nuclear and
 * missile tests, talks, elections), each with the findings the
 * estimative-language check must make under each scale and wording, as
 * "kind term" (the term as written; none for a judgment's own findings), in
 * document order. `icd203` holds under every wording of ICD 203 unless the
 * case names what a stated column makes of it.
 */
export interface CorpusCase {
  text: string;
  /** Written as a key judgment with this confidence level (null: none chosen). */
  judgment?: { confidence: ConfidenceLevel | null };
  icd203: string[];
  /** Under ICD 203 when the team writes in the terms column (likely, very likely…). */
  icd203Terms?: string[];
  /** Under ICD 203 when the team writes in the alternatives column (probable, highly probable…). */
  icd203Alternatives?: string[];
  phia: string[];
}

const J = (confidence: ConfidenceLevel | null) => ({ confidence });

export const ESTIMATIVE_CORPUS: CorpusCase[] = [
  // Off the scale.
  { text: "Pyongyang will probably test again before the summit.", icd203: ["off-scale probably"], phia: [] },
  { text: "Seoul's response is probably limited to a statement.", icd203: ["off-scale probably"], phia: [] },
  { text: "Most members probably favour a presidential statement.", icd203: ["off-scale probably"], phia: [] },
  { text: "Beijing is highly likely to abstain on the sanctions vote.", icd203: ["off-scale highly likely"], phia: [] },
  { text: "A seventh nuclear test is a realistic possibility this year.", icd203: ["off-scale realistic possibility"], phia: [] },
  { text: "There is a remote chance that Moscow backs the draft.", icd203: ["off-scale remote chance"], phia: [] },
  { text: "The resolution is highly unlikely to pass.", icd203: ["off-scale highly unlikely"], phia: [] },
  { text: "The talks may well collapse before the deadline.", icd203: ["off-scale may well"], phia: ["off-scale may well"] },
  { text: "China might well block the designation.", icd203: ["off-scale might well"], phia: ["off-scale might well"] },
  { text: "Russia could well veto the text.", icd203: ["off-scale could well"], phia: ["off-scale could well"] },
  { text: "There is a real chance the vote slips to next week.", icd203: ["off-scale real chance"], phia: ["off-scale real chance"] },
  { text: "In all likelihood the panel of experts will be disbanded.", icd203: ["off-scale In all likelihood"], phia: ["off-scale In all likelihood"] },
  { text: "Chances are the envoy will not return to Geneva.", icd203: ["off-scale Chances are"], phia: ["off-scale Chances are"] },
  { text: "There is a good chance the sanctions regime is renewed.", icd203: ["off-scale good chance"], phia: ["off-scale good chance"] },
  { text: "It is doubtful that the moratorium on testing will hold.", icd203: ["off-scale doubtful"], phia: ["off-scale doubtful"] },
  { text: "Negotiators are fifty-fifty on a deal before the summit.", icd203: ["off-scale fifty-fifty"], phia: ["off-scale fifty-fifty"] },
  { text: "The launch is more likely than not before the anniversary.", icd203: ["off-scale more likely than not"], phia: ["off-scale more likely than not"] },
  { text: "A test is virtually certain if the talks fail.", icd203: ["off-scale virtually certain"], phia: ["off-scale virtually certain"] },
  { text: "There is little chance the veto will be used.", icd203: ["off-scale little chance"], phia: ["off-scale little chance"] },
  { text: "The run-off between the two candidates is a toss-up.", icd203: ["off-scale toss-up"], phia: ["off-scale toss-up"] },
  { text: "Another satellite launch is extremely likely this spring.", icd203: ["off-scale extremely likely"], phia: ["off-scale extremely likely"] },
  { text: "Inspectors will very probably be expelled.", icd203: ["off-scale very probably"], phia: ["off-scale very probably"] },
  { text: "Sanctions relief is a distinct possibility if talks progress.", icd203: ["off-scale distinct possibility"], phia: ["off-scale distinct possibility"] },
  { text: "There is no chance of consensus on the draft.", icd203: ["off-scale no chance"], phia: ["off-scale no chance"] },
  { text: "An even chance of a deal remains.", icd203: ["off-scale even chance"], phia: ["off-scale even chance"] },
  { text: "A vote before the recess is 50-50 at best.", icd203: ["off-scale 50-50"], phia: ["off-scale 50-50"] },
  { text: "The test is highly likely, and a second one is likely too.", icd203: ["off-scale highly likely"], icd203Alternatives: ["off-scale highly likely", "off-scale likely"], phia: [] },
  { text: "The junta will PROBABLY postpone the election again.", icd203: ["off-scale PROBABLY"], phia: [] },
  { text: "The sanctions committee is   highly   likely to list the vessel.", icd203: ["off-scale highly likely"], phia: [] },

  // The scale's own words, and what a stated column makes of them.
  { text: "Pyongyang will likely test again before the summit.", icd203: [], icd203Alternatives: ["off-scale likely"], phia: [] },
  { text: "The Council is very likely to adopt the resolution on Friday.", icd203: [], icd203Alternatives: ["off-scale very likely"], phia: ["off-scale very likely"] },
  { text: "The launch was probable given the activity at Sohae.", icd203: [], icd203Terms: ["off-scale probable"], phia: ["off-scale probable"] },
  { text: "A missile test before the election is highly probable.", icd203: [], icd203Terms: ["off-scale highly probable"], phia: ["off-scale highly probable"] },
  { text: "Renewed talks are highly improbable this year.", icd203: [], icd203Terms: ["off-scale highly improbable"], phia: ["off-scale highly improbable"] },
  { text: "The regime is almost certain to reject the inspectors.", icd203: [], icd203Alternatives: ["off-scale almost certain"], phia: [] },
  { text: "Tehran will almost certainly enrich beyond the agreed limit.", icd203: [], icd203Alternatives: ["off-scale almost certainly"], phia: [] },
  { text: "The referendum is nearly certain to pass.", icd203: [], icd203Terms: ["off-scale nearly certain"], phia: ["off-scale nearly certain"] },
  { text: "A compromise on the text is unlikely before the vote.", icd203: [], icd203Alternatives: ["off-scale unlikely"], phia: [] },
  { text: "A compromise is improbable before the vote.", icd203: [], icd203Terms: ["off-scale improbable"], phia: ["off-scale improbable"] },
  { text: "The resolution is very unlikely to pass.", icd203: [], icd203Alternatives: ["off-scale very unlikely"], phia: ["off-scale very unlikely"] },
  { text: "There is almost no chance of a veto override.", icd203: [], icd203Alternatives: ["off-scale almost no chance"], phia: ["off-scale almost no chance"] },
  { text: "The prospect of a deal is remote.", icd203: [], icd203Terms: ["off-scale remote"], phia: ["off-scale remote"] },
  { text: "There is a roughly even chance that the ceasefire holds.", icd203: [], icd203Alternatives: ["off-scale roughly even chance"], phia: ["off-scale roughly even chance"] },
  { text: "The vote stands at roughly even odds.", icd203: [], icd203Terms: ["off-scale roughly even odds"], phia: ["off-scale roughly even odds"] },
  { text: "The likely outcome is a Chinese abstention.", icd203: [], icd203Alternatives: ["off-scale likely"], phia: [] },
  { text: "The panel found that evasion at sea is almost certainly continuing.", icd203: [], icd203Alternatives: ["off-scale almost certainly"], phia: [] },
  { text: "A launch window is likely, and a test probable, before the plenum.", icd203: ["mixed-columns probable"], icd203Terms: ["off-scale probable"], icd203Alternatives: ["off-scale likely"], phia: ["off-scale probable"] },

  // A likelihood and a confidence level in one sentence.
  { text: "We assess with high confidence that the test is likely before May.", icd203: ["likelihood-with-confidence high confidence"], icd203Alternatives: ["likelihood-with-confidence high confidence", "off-scale likely"], phia: ["likelihood-with-confidence high confidence"] },
  { text: "We have moderate confidence that the launch will probably slip.", icd203: ["likelihood-with-confidence moderate confidence", "off-scale probably"], phia: ["likelihood-with-confidence moderate confidence"] },
  { text: "The Council will likely vote on Tuesday; we have low confidence in the date.", icd203: ["likelihood-with-confidence low confidence"], icd203Alternatives: ["off-scale likely", "likelihood-with-confidence low confidence"], phia: ["likelihood-with-confidence low confidence"] },
  { text: "We are highly confident the test is very likely.", icd203: ["likelihood-with-confidence highly confident"], icd203Alternatives: ["likelihood-with-confidence highly confident", "off-scale very likely"], phia: ["likelihood-with-confidence highly confident", "off-scale very likely"] },
  { text: "The Security Council is unlikely to agree, and we have medium confidence in that.", icd203: ["likelihood-with-confidence medium confidence"], icd203Alternatives: ["off-scale unlikely", "likelihood-with-confidence medium confidence"], phia: ["likelihood-with-confidence medium confidence"] },
  { text: "Confidence is high that a test is highly probable.", icd203: ["likelihood-with-confidence Confidence is high"], icd203Terms: ["likelihood-with-confidence Confidence is high", "off-scale highly probable"], phia: ["likelihood-with-confidence Confidence is high", "off-scale highly probable"] },
  { text: "This low-confidence assessment says a test is probably near.", icd203: ["likelihood-with-confidence low-confidence", "off-scale probably"], phia: ["likelihood-with-confidence low-confidence"] },
  { text: "We are confident the vote is almost certain to pass.", icd203: ["likelihood-with-confidence We are confident"], icd203Alternatives: ["likelihood-with-confidence We are confident", "off-scale almost certain"], phia: ["likelihood-with-confidence We are confident"] },

  // Negatives: nothing to find.
  { text: "We have high confidence in this assessment.", icd203: [], phia: [] },
  { text: "We are fairly confident that the missile was solid-fuelled.", icd203: [], phia: [] },
  { text: "The test is likely. We have high confidence in that judgment.", icd203: [], icd203Alternatives: ["off-scale likely"], phia: [] },
  { text: "The vote of confidence in the cabinet is likely to fail.", icd203: [], icd203Alternatives: ["off-scale likely"], phia: [] },
  { text: "Confidence-building measures are likely to resume after the talks.", icd203: [], icd203Alternatives: ["off-scale likely"], phia: [] },
  { text: "The no-confidence motion will probably pass.", icd203: ["off-scale probably"], phia: [] },
  { text: "The envoy said the deal was “likely” to be signed.", icd203: [], phia: [] },
  { text: 'A diplomat called a test "highly likely" within weeks.', icd203: [], phia: [] },
  { text: 'The minister said the vote would "probably" slip, but it is unlikely.', icd203: [], icd203Alternatives: ["off-scale unlikely"], phia: [] },
  { text: "The delegate quoted the text: “a realistic possibility of further tests”.", icd203: [], phia: [] },
  { text: "The sanctions committee is likely to meet in May.", judgment: J("moderate"), icd203: [], icd203Alternatives: ["off-scale likely"], phia: [] },
  { text: "A test at the site is unlikely before 3 May.", judgment: J("low"), icd203: [], icd203Alternatives: ["off-scale unlikely"], phia: [] },
  { text: "Talks will likely resume May 12 in Geneva.", judgment: J("high"), icd203: [], icd203Alternatives: ["off-scale likely"], phia: [] },
  { text: "The election is very likely to be held in May 2025.", judgment: J("moderate"), icd203: [], icd203Alternatives: ["off-scale very likely"], phia: ["judgment-without-likelihood", "off-scale very likely"] },
  { text: "May 2026 will very likely bring a vote.", judgment: J("moderate"), icd203: [], icd203Alternatives: ["off-scale very likely"], phia: ["judgment-without-likelihood", "off-scale very likely"] },
  { text: "Talks are unlikely to resume. May the envoy leave?", judgment: J("low"), icd203: ["hedge-in-judgment May"], icd203Alternatives: ["off-scale unlikely", "hedge-in-judgment May"], phia: ["hedge-in-judgment May"] },
  { text: "The delegation may return to the table.", icd203: [], phia: [] },
  { text: "North Korea could conduct a test at any time.", icd203: [], phia: [] },
  { text: "Perhaps the envoy will return, or possibly his deputy might.", icd203: [], phia: [] },
  { text: "The unlikelihood of a deal was clear to both sides.", icd203: [], phia: [] },
  { text: "A likelyhood of sanctions was discussed.", icd203: [], phia: [] },
  { text: "Inspectors reached a remote site near Yongbyon.", icd203: [], phia: [] },
  { text: "Ten members voted for the resolution, with Russia and China abstaining.", icd203: [], phia: [] },
  { text: "The resolution passed by 13 votes to none, with two abstentions.", icd203: [], phia: [] },
  { text: "The probability of detection rose after the new satellites were launched.", icd203: [], phia: [] },
  { text: "Unlikely allies met in Vienna on the sidelines of the IAEA board.", icd203: [], icd203Alternatives: ["off-scale Unlikely"], phia: [] },

  // Key judgments.
  { text: "North Korea will probably conduct a test.", judgment: J(null), icd203: ["judgment-without-likelihood", "judgment-without-confidence", "off-scale probably"], phia: ["judgment-without-confidence"] },
  { text: "North Korea will likely conduct a test.", judgment: J("moderate"), icd203: [], icd203Alternatives: ["off-scale likely"], phia: [] },
  { text: "Beijing may abstain on the vote.", judgment: J("high"), icd203: ["judgment-without-likelihood", "hedge-in-judgment may"], phia: ["judgment-without-likelihood", "hedge-in-judgment may"] },
  { text: "Moscow could veto the resolution, and might walk out.", judgment: J("low"), icd203: ["judgment-without-likelihood", "hedge-in-judgment could", "hedge-in-judgment might"], phia: ["judgment-without-likelihood", "hedge-in-judgment could", "hedge-in-judgment might"] },
  { text: "Pyongyang will possibly resume talks.", judgment: J(null), icd203: ["judgment-without-likelihood", "judgment-without-confidence", "hedge-in-judgment possibly"], phia: ["judgment-without-likelihood", "judgment-without-confidence", "hedge-in-judgment possibly"] },
  { text: "Perhaps the regime is unlikely to test.", judgment: J("high"), icd203: ["hedge-in-judgment Perhaps"], icd203Alternatives: ["hedge-in-judgment Perhaps", "off-scale unlikely"], phia: ["hedge-in-judgment Perhaps"] },
  { text: "The moratorium will very likely end in May.", judgment: J("moderate"), icd203: [], icd203Alternatives: ["off-scale very likely"], phia: ["judgment-without-likelihood", "off-scale very likely"] },
  { text: "The regime may well test before the summit.", judgment: J("moderate"), icd203: ["judgment-without-likelihood", "off-scale may well"], phia: ["judgment-without-likelihood", "off-scale may well"] },
  { text: "The Council is likely to renew the panel, with high confidence.", judgment: J("high"), icd203: ["likelihood-with-confidence high confidence"], icd203Alternatives: ["off-scale likely", "likelihood-with-confidence high confidence"], phia: ["likelihood-with-confidence high confidence"] },
  { text: "Sanctions will almost certainly stay in place.", judgment: J(null), icd203: ["judgment-without-confidence"], icd203Alternatives: ["judgment-without-confidence", "off-scale almost certainly"], phia: ["judgment-without-confidence"] },
  { text: "North Korea is highly likely to launch a satellite.", judgment: J("moderate"), icd203: ["judgment-without-likelihood", "off-scale highly likely"], phia: [] },
  { text: 'The envoy said talks "could" resume; they are likely to.', judgment: J("moderate"), icd203: [], icd203Alternatives: ["off-scale likely"], phia: [] },
  { text: "Tehran will enrich to weapons grade.", judgment: J("high"), icd203: ["judgment-without-likelihood"], phia: ["judgment-without-likelihood"] },
  { text: "Talks will resume on 3 May.", judgment: J("moderate"), icd203: ["judgment-without-likelihood"], phia: ["judgment-without-likelihood"] },
  { text: "A test is unlikely before May 2026.", judgment: J("low"), icd203: [], icd203Alternatives: ["off-scale unlikely"], phia: [] },
  { text: "A new resolution is probable by June.", judgment: J("high"), icd203: [], icd203Terms: ["off-scale probable"], phia: ["judgment-without-likelihood", "off-scale probable"] },
  { text: "A summit is a realistic possibility this year.", judgment: J("moderate"), icd203: ["judgment-without-likelihood", "off-scale realistic possibility"], phia: [] },
  { text: "The regime will likely test; we have moderate confidence.", judgment: J("moderate"), icd203: ["likelihood-with-confidence moderate confidence"], icd203Alternatives: ["off-scale likely", "likelihood-with-confidence moderate confidence"], phia: ["likelihood-with-confidence moderate confidence"] },
  { text: "The Council will probably adopt the text, perhaps in May.", judgment: J("high"), icd203: ["judgment-without-likelihood", "off-scale probably", "hedge-in-judgment perhaps"], phia: ["hedge-in-judgment perhaps"] },
];
