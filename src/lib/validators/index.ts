/** Validators and maskers for identifiers and contact details; messages are Chinese, for forms. */
export {
  BANK_CARD_MAX_LENGTH,
  BANK_CARD_MIN_LENGTH,
  type BankCardResult,
  isLuhnValid,
  validateBankCardNumber,
} from './bank-card.ts';
export {
  type ContactResult,
  type MobileResult,
  maskName,
  maskPhone,
  type PhoneResult,
  validateEmail,
  validateMobile,
  validatePhone,
  validatePostcode,
} from './contact.ts';
export {
  CREDIT_CODE_CHARSET,
  CREDIT_CODE_LENGTH,
  CREDIT_CODE_WEIGHTS,
  computeCreditCodeCheckChar,
  computeOrgCodeCheckChar,
  ORG_CODE_LENGTH,
  ORG_CODE_WEIGHTS,
  type OrgCodeResult,
  orgCodeOfCreditCode,
  validateOrgCode,
} from './credit-code.ts';
export {
  computeIdNumberCheckChar,
  ID_NUMBER_CHECK_CHARS,
  ID_NUMBER_LENGTH,
  ID_NUMBER_WEIGHTS,
  maskIdNumber,
  type ResidentIdOptions,
  type ResidentIdResult,
  validateResidentIdNumber,
} from './id-card.ts';
export {
  checkPasswordPolicy,
  PASSWORD_MAX_LENGTH,
  PASSWORD_MIN_CHARACTER_CLASSES,
  PASSWORD_MIN_LENGTH,
  type PasswordPolicyOptions,
} from './password-policy.ts';
