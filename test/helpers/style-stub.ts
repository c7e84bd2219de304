/** Stands for any imported .css file in jest: styles are Vite's business, not the tests'. */
export default {};
