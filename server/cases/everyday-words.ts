// Ordinary English words that turn up in questions about cases. Each is taken as written, never as a typo of a
// word in a procedure or condition name: "how long" is not "lung", "lose money" is not "weight loss", "stay" is
// not "STEMI". A word that is itself in a name still matches that name exactly.

const WORDS = `
a about above across after again against age ages aged all almost along already also although always am among
an and another any anyone anything are around as ask asked at average away back bad be became because become
been before began being below best better between big bigger biggest both bring brought but buy by call came can
cannot case cases change changed changes cheap check clear close come comes compare cost costs could count
current day days did do does doing done down drop during each early earn either else end enough even ever every
fall fast few find first for found four from full gave get gets give given go goes going gone good got great
group grow had half hand has have having he help her here high higher highest him his hold home how however if
in into is it its just keep kind know large last late least left less let level like likely line little live
long longer longest look looks lose loses losing loss lost lot low lower lowest made make makes making many may
me mean means might more most much must my name near need never new next no none not now number of off often
old older oldest on once one only open or order other our out over own part past pay paid pays people per
place plan point pretty put quick quite rate rates rather read real really right run same saw say see seem seen
set several shall she short shorter should show side since small so some something sort spend stay stayed
stays staying still stop such sure take taken than that the their them then there these they thing things
think this those though three through time times to today too took top total toward two type typical under
until up upon us use used very want was way we well went were what when where whether which while who whole
why will with within without work would year years yes yet you young younger your
negative positive red vets veterans vet kids black profitable unprofitable losers loser money break even breaks lost
`;

export const EVERYDAY_WORDS: ReadonlySet<string> = new Set(
  WORDS.split(/\s+/).filter((word) => word.length > 0),
);
