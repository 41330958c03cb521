// Ink imports react-devtools-core only when DEV=true; the shipped bundle never connects to devtools.
export default {initialize() {}, connectToDevTools() {}};
