// Evidence weights, roughly log-odds in the spirit of Fellegi–Sunter: how much more likely an observation is
// for two records of the same entity than for two different ones. They add up to the pair's score. Tuned on
// the demo data's ground truth (`npm run er:eval`); the README keeps the measured precision and recall.
export const WEIGHTS = {
  person: {
    validIdentifierSame: 12,
    invalidIdentifierSame: 4,
    validIdentifierDifferent: -12,
    identifierDifferentUnchecked: -4,
    dobExact: 4.5,
    dobSwapped: 2.5,
    dobOneDigit: -1,
    dobDifferent: -5,
    familyExact: 3,
    familySimilar: 2,
    familyVariant: 2.5,
    familySoundsAlike: 2,
    familyDifferent: -3,
    givenExact: 2.5,
    givenInitial: 0.8,
    givenSimilar: 1.5,
    givenSoundsAlike: 2,
    givenDifferent: -4,
    namesSwappedPenalty: -0.5,
    genderDifferent: -4,
    sharedPhone: 3.5,
    sharedPlate: 2.5,
    sharedAddress: 2,
  },
  vehicle: {
    vinSame: 12,
    vinDifferent: -12,
    dutchPlateSame: 7,
    otherPlateSame: 5.5,
    sameInvestigation: 1,
    makeSame: 0.7,
    makeDifferent: -5,
    modelSame: 0.5,
    modelDifferent: -2,
    colourSame: 0.7,
    colourDifferent: -2.5,
    sightedTogether: 2.5,
    clonedPlateLookalike: 5,
    clonedPlateRegister: -4,
  },
  phone: {
    numberSame: 9,
    numberDifferent: -4,
    imeiSame: 8,
    imeiSameUnchecked: 3,
    imeiDifferent: -2,
    imsiSame: 8,
    imsiDifferent: -2,
  },
} as const;

/** Pairs scoring at least this are proposed as matches (and queued for review). Chosen by `npm run er:eval`. */
export const DEFAULT_MATCH_THRESHOLD = 5.5;

/** Jaro-Winkler similarity from which two spellings count as the same name with a typo. */
export const SIMILAR_NAME = 0.9;
